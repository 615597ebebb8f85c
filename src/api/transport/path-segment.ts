/** An id as one path segment: escaped, and never `.`/`..`, which fetch would resolve to another path. */
export function pathSegment(id: string): string {
  if (id === '' || id === '.' || id === '..') throw new TypeError(`"${id}" is not a CMS object id.`);
  return encodeURIComponent(id);
}
