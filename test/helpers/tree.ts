/** A policy tree without positions (and without undefined fields), for comparing trees read from different sources. */
export function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value)) if (key !== 'position' && v !== undefined) out[key] = withoutPositions(v)
    return out
  }
  return value
}
