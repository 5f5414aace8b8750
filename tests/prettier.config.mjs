// The formatter's settings, kept under tests/ beside the lint config; `npm run lint` checks them and
// `npm run format` applies them. 120 columns: the codebase's long type signatures read on one line.
export default {
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
  // The sandboxes build pages from tagged HTML templates whose text is what the browser shows:
  // reflowing it would change that text.
  embeddedLanguageFormatting: 'off',
};
