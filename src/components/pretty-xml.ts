const TOKEN = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[^>]+>|[^<]+/g;

const isTag = (token: string) => token.startsWith('<');
const isClose = (token: string) => token.startsWith('</');
const isOpen = (token: string) => isTag(token) && !isClose(token) && !token.endsWith('/>') && !/^<[?!]/.test(token);

/**
 * Indents an XML text for reading: one element per line, an element holding only text on one
 * line. CMS answers on a single line; this keeps every character of the answer but whitespace.
 */
export function prettyXml(text: string, indent = '  '): string {
  const tokens = text.match(TOKEN) ?? [];
  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const pad = indent.repeat(depth);
    if (!isTag(token)) {
      const trimmed = token.trim();
      if (trimmed !== '') lines.push(pad + trimmed);
      continue;
    }
    if (isClose(token)) {
      depth = Math.max(0, depth - 1);
      lines.push(indent.repeat(depth) + token);
      continue;
    }
    if (!isOpen(token)) {
      lines.push(pad + token);
      continue;
    }
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    if (next !== undefined && isClose(next)) {
      lines.push(pad + token + next);
      i += 1;
    } else if (next !== undefined && !isTag(next) && after !== undefined && isClose(after)) {
      lines.push(pad + token + next.trim() + after);
      i += 2;
    } else {
      lines.push(pad + token);
      depth += 1;
    }
  }
  return lines.join('\n');
}
