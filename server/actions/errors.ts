import "server-only";

/** An expected failure whose message is safe to show the user (the "safe error" of house style). */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly details: { code?: string; requestId?: string; httpStatus?: number } = {},
  ) {
    super(message);
    this.name = "ActionError";
  }
}

export const UNAUTHORIZED = "You are not signed in.";
export const FORBIDDEN = "You do not have permission to do that in this space.";
