import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Target = Parameters<Lookup>[0];

/**
 * class-validator looks up a class's rules on every validation by testing every class it knows
 * for inheritance: with the API's hundreds of parameter classes, that was most of what validating
 * a request's parameters cost. The rules change only when a decorated class is defined, so the
 * answers are kept per class and options until then (any new rule forgets them all). The lists
 * are shared: class-validator only reads them.
 */
export function memoizeValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (memoized.has(storage)) return;
  memoized.add(storage);
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let known = new WeakMap<Target, Map<string, ReturnType<Lookup>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // No groups and an empty list of groups select the same rules.
    const key = `${schema}\0${always}\0${strictGroups}\0${(groups ?? []).join('\0')}`;
    let byOptions = known.get(target);
    if (!byOptions) {
      byOptions = new Map();
      known.set(target, byOptions);
    }
    let rules = byOptions.get(key);
    if (!rules) {
      rules = lookup(target, schema, always, strictGroups, groups);
      byOptions.set(key, rules);
    }
    return rules;
  };
  storage.addValidationMetadata = (metadata) => {
    known = new WeakMap();
    add(metadata);
  };
}

const memoized = new WeakSet<Storage>();
