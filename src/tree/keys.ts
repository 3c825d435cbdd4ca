/**
 * Names that must never become keys of an object built from input (front matter, config,
 * registry, glossary): assigning them reaches the object's prototype (`__proto__`) or shadows
 * what every object has (`constructor`, `toString` …). Every reader of YAML refuses them.
 */
const forbidden = new Set(['__proto__', 'constructor', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)])

/** True for a key that must not be used as a name (`__proto__`, `constructor`, `toString` …). */
export function isPrototypeKey(key: string): boolean {
  return forbidden.has(key)
}

/** The first forbidden key anywhere in a parsed value (maps inside lists included), with its path. */
export function findPrototypeKey(value: unknown, path = ''): {key: string; path: string} | undefined {
  if (!value || typeof value !== 'object') return undefined
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findPrototypeKey(item, `${path}[${index}]`)
      if (found) return found
    }
    return undefined
  }
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string') continue
    const here = path ? `${path}.${key}` : key
    if (isPrototypeKey(key)) return {key, path: here}
    const found = findPrototypeKey((value as Record<string, unknown>)[key], here)
    if (found) return found
  }
  return undefined
}
