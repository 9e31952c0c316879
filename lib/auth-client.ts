import { createAuthClient } from "better-auth/react";
import { twoFactorClient } from "better-auth/client/plugins";

/** Browser side of better-auth: same origin, so no base URL. The sign-in form handles a second step itself. */
export const authClient = createAuthClient({ plugins: [twoFactorClient()] });
