/** Whether an ALB path pattern (`*` any characters, `?` one character, everything else literal) matches a path. */
export function matchesPathPattern(pattern: string, path: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`)
  return regex.test(path)
}
