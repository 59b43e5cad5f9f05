// Entry of dist/regex-analysers.cjs beside the CLI's and the language server's bundles: the
// pattern-safety analysers (src/rules/regex-safety.ts), required only when a rule file is read
// from disk (bundle-plugins.ts).
module.exports = {
  RegExpParser: require('@eslint-community/regexpp').RegExpParser,
  analyse: require('scslre').analyse,
  getFirstConsumedChar: require('regexp-ast-analysis').getFirstConsumedChar,
};
