// The syntax rules of k8s.io/apimachinery/pkg/util/validation/validation.go, with its messages
// word for word (Kubernetes 1.33 to 1.35; newer releases move them to pkg/api/validate/content
// and say "a valid label key" where these say "a qualified name"). Lengths are in bytes, as Go's
// len().

import { utf8ByteLength } from '../text/utf8.js';

const qualifiedNameFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const qualifiedNameErrMsg =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const qualifiedNameMaxLength = 63;
const qualifiedNameRegexp = new RegExp(`^${qualifiedNameFmt}$`);

const labelValueFmt = `(${qualifiedNameFmt})?`;
const labelValueErrMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const labelValueMaxLength = 63;
const labelValueRegexp = new RegExp(`^${labelValueFmt}$`);

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1123SubdomainErrorMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const dns1123SubdomainMaxLength = 253;
const dns1123SubdomainRegexp = new RegExp(`^${dns1123SubdomainFmt}$`);

const byteLength = utf8ByteLength;

/**
 * `validation.RegexError`: the message, its examples and the regular expression, e.g.
 * `… (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '…')` (sic: two spaces).
 */
function regexError(message: string, format: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${format}')`;
  let text = `${message} (e.g. `;
  examples.forEach((example, i) => {
    if (i > 0) text += ' or ';
    text += `'${example}', `;
  });
  return `${text}regex used for validation is '${format}')`;
}

/** `validation.MaxLenError`. */
const maxLenError = (length: number) => `must be no more than ${length} characters`;
/** `validation.EmptyError`. */
const emptyError = () => 'must be non-empty';

/**
 * `validation.IsDNS1123Subdomain`: every problem with `value` as a DNS-1123 subdomain (at most
 * 253 characters, lower case alphanumerics, `-` and `.`), `[]` when it is one.
 * @internal
 */
export function dns1123SubdomainProblems(value: string): string[] {
  const problems: string[] = [];
  if (byteLength(value) > dns1123SubdomainMaxLength) problems.push(maxLenError(dns1123SubdomainMaxLength));
  if (!dns1123SubdomainRegexp.test(value)) problems.push(regexError(dns1123SubdomainErrorMsg, dns1123SubdomainFmt, 'example.com'));
  return problems;
}

/**
 * `validation.IsQualifiedName`, the rule for label and annotation keys: an optional DNS-1123
 * subdomain prefix and `/`, then a name part of at most 63 characters matching
 * `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`. Every problem, `[]` when the key is valid.
 * @internal
 */
export function qualifiedNameProblems(value: string): string[] {
  const problems: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = value;
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix.length === 0) problems.push(`prefix part ${emptyError()}`);
    else problems.push(...dns1123SubdomainProblems(prefix).map((problem) => `prefix part ${problem}`));
  } else {
    return [
      `a qualified name ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) problems.push(`name part ${emptyError()}`);
  else if (byteLength(name) > qualifiedNameMaxLength) problems.push(`name part ${maxLenError(qualifiedNameMaxLength)}`);
  if (!qualifiedNameRegexp.test(name)) {
    problems.push(`name part ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}`);
  }
  return problems;
}

/**
 * `validation.IsValidLabelValue`: at most 63 characters, empty or matching
 * `(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?`. Every problem, `[]` when the value is valid.
 * @internal
 */
export function labelValueProblems(value: string): string[] {
  const problems: string[] = [];
  if (byteLength(value) > labelValueMaxLength) problems.push(maxLenError(labelValueMaxLength));
  if (!labelValueRegexp.test(value)) problems.push(regexError(labelValueErrMsg, labelValueFmt, 'MyValue', 'my_value', '12345'));
  return problems;
}
