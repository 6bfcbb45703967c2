import { createStrings, useStrings } from '@couronne/console-kit';
import { en } from './strings.en.ts';
import { fr } from './strings.fr.ts';

export const strings = createStrings({ fr, en });

export const useT = () => useStrings(strings);
