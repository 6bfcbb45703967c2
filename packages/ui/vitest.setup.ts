// jsdom has no CSS.escape, which react-aria's collections (select, tabs, list box) call on focus.
// Enough for the keys of the tests: escapes everything but letters, digits, `-` and `_`.
if (!globalThis.CSS?.escape) {
  globalThis.CSS = { ...globalThis.CSS, escape: (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`) } as typeof CSS;
}
