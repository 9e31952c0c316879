import { createAuthClient } from "better-auth/react";

/** Browser side of better-auth: same origin, so no base URL. */
export const authClient = createAuthClient();
