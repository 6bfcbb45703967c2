/**
 * Checks that a decoded global ID names a Place or a Commune. Other modules' ID arguments usually declare
 * their type with `for`, which needs the type's ref; these refs are private to the territory module, so
 * arguments of other modules check the decoded type with these (`validate: placeGlobalId`).
 */
import { z } from "zod";

const globalIdOf = (typename: string) =>
  z.object({ typename: z.string(), id: z.string() }).refine((value) => value.typename === typename, { message: `must be the ID of a ${typename}` });

export const placeGlobalId = globalIdOf("Place");
export const communeGlobalId = globalIdOf("Commune");
