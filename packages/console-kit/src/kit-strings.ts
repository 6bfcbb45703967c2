import { createStrings, useStrings } from './i18n.ts';
import { en } from './strings.en.ts';
import { fr } from './strings.fr.ts';

export const kitStrings = createStrings({ fr, en });

export const useKitT = () => useStrings(kitStrings);
