import type { Translation } from './i18n.ts';
import type { fr } from './strings.fr.ts';

export const en: Translation<typeof fr> = {
  loginTitle: 'Sign in to the console',
  loginIntro: 'For agents of the Pays de Laon agglomeration and its municipalities.',
  emailLabel: 'Email address',
  emailDescription: 'Your work address, for example firstname.lastname@capl.example',
  passwordLabel: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  emailRequired: 'Enter your email address.',
  passwordRequired: 'Enter your password.',
  wrongCredentials: 'Wrong email address or password.',
  rateLimited: 'Too many sign-in attempts. Wait a few minutes before trying again.',
  loginFailed: 'Signing in failed. Check your network connection, then try again.',
  sessionExpired: 'Your session has expired, please sign in again.',
  signedOut: 'You are signed out.',
  logout: 'Sign out',
  signedInAs: 'Signed in: {name}',
  localeSwitchTo: 'Français',
  standaloneNotice: 'Standalone module (development)',
  placesCaption: { one: '{kind} ({count} place)', other: '{kind} ({count} places)' },
  placesTruncated: { one: 'The first place out of {total} is shown.', other: 'The first {count} places out of {total} are shown.' },
  placesKindEmpty: '{kind}: no place recorded.',
};
