/**
 * Pygments' display names for common fence languages and aliases, as Zulip puts them in
 * `data-code-language`. A language not listed keeps the name the author typed.
 */
const DISPLAY_NAMES: Record<string, string> = {
  bash: 'Bash',
  sh: 'Bash',
  shell: 'Bash',
  zsh: 'Bash',
  c: 'C',
  cpp: 'C++',
  'c++': 'C++',
  csharp: 'C#',
  cs: 'C#',
  css: 'CSS',
  diff: 'Diff',
  go: 'Go',
  golang: 'Go',
  haskell: 'Haskell',
  hs: 'Haskell',
  html: 'HTML',
  java: 'Java',
  javascript: 'JavaScript',
  js: 'JavaScript',
  json: 'JSON',
  kotlin: 'Kotlin',
  markdown: 'Markdown',
  md: 'Markdown',
  php: 'PHP',
  python: 'Python',
  py: 'Python',
  python3: 'Python',
  ruby: 'Ruby',
  rb: 'Ruby',
  rust: 'Rust',
  rs: 'Rust',
  scala: 'Scala',
  sql: 'SQL',
  swift: 'Swift',
  text: 'Text only',
  typescript: 'TypeScript',
  ts: 'TypeScript',
  xml: 'XML',
  yaml: 'YAML',
  yml: 'YAML',
};

export function codeLanguageName(language: string): string {
  return DISPLAY_NAMES[language.toLowerCase()] ?? language;
}
