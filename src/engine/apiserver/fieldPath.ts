/**
 * Field paths as API errors name them. A module of its own, free of the YAML parser, so that admission
 * (which runs in the worker's first script) does not pull the parser in with it.
 */

/** `spec.containers[0].image` → ['spec', 'containers', 0, 'image']; `data[tls.crt]` → ['data', 'tls.crt']. */
export function splitFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  let i = 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      i++;
    } else if (ch === '[') {
      const close = path.indexOf(']', i);
      const inner = path.slice(i + 1, close < 0 ? path.length : close);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = close < 0 ? path.length : close + 1;
    } else {
      let j = i;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      out.push(path.slice(i, j));
      i = j;
    }
  }
  return out;
}
