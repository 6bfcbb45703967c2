/**
 * Checks that a decoded global ID names a Place. Other ID arguments declare their type with `for`, which
 * needs the type's ref; the Place ref is private to the territory module, so its type is checked here.
 */
import { z } from "zod";

export const placeGlobalId = z.object({ typename: z.string(), id: z.string() }).refine((value) => value.typename === "Place", { message: "must be the ID of a Place" });
