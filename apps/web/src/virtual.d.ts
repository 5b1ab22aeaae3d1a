declare module 'virtual:emoji-list' {
  /** `[category, code, ...names]` per emoji, in the data's display order. */
  const list: Array<[string, string, ...string[]]>;
  export default list;
}
