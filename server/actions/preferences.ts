"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";
import { selectSpaceSchema } from "@/lib/schemas/spaces";
import { roleInSpace } from "@/server/auth/session";
import { setUserPreference } from "@/server/data/users";
import { ActionError, FORBIDDEN } from "./errors";
import { actionClient, authActionClient } from "./safe-action";

const ONE_YEAR = 60 * 60 * 24 * 365;

/** Works signed out too (the sign-in page has the switch); saved on the user when signed in. */
export const setLocaleAction = actionClient
  .metadata({ name: "preferences.setLocale" })
  .inputSchema(z.object({ locale: z.enum(LOCALES) }))
  .action(async ({ parsedInput }) => {
    (await cookies()).set(LOCALE_COOKIE, parsedInput.locale, { path: "/", maxAge: ONE_YEAR, sameSite: "lax", httpOnly: true });
    const { getSessionUser } = await import("@/server/auth/session");
    const user = await getSessionUser();
    if (user) await setUserPreference(user.id, { locale: parsedInput.locale });
    return { locale: parsedInput.locale };
  });

/** Remembers the last space the user looked at. */
export const rememberSpaceAction = authActionClient
  .metadata({ name: "preferences.rememberSpace" })
  .inputSchema(selectSpaceSchema)
  .action(async ({ parsedInput, ctx }) => {
    if (parsedInput.spaceId !== "all" && !(await roleInSpace(ctx.user, parsedInput.spaceId))) {
      throw new ActionError(FORBIDDEN, { httpStatus: 403 });
    }
    await setUserPreference(ctx.user.id, { lastSpaceId: parsedInput.spaceId });
    return { ok: true };
  });
