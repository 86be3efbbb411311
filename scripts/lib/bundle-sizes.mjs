// What a built script is made of: its minified bytes attributed, through its source map, to the source
// files they came from (node_modules packages folded into one line each).
import { readFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map';

const owner = (source) => {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return pkg ? `npm: ${pkg[1]}` : source.replace(/^(\.\.\/)+/, '');
};

/** Bytes per source file (or package) of one built file that has a `.map` beside it. */
export function bundleSizes(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const consumer = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  const segments = [];
  consumer.eachMapping((m) => segments.push(m), null, SourceMapConsumer.GENERATED_ORDER);
  const sizes = new Map();
  let mapped = 0;
  segments.forEach((s, i) => {
    const next = segments[i + 1];
    const end =
      next && next.generatedLine === s.generatedLine ? next.generatedColumn : lines[s.generatedLine - 1].length;
    const key = s.source ? owner(s.source) : '(wrapper)';
    sizes.set(key, (sizes.get(key) ?? 0) + end - s.generatedColumn);
    mapped += end - s.generatedColumn;
  });
  const total = lines.reduce((n, l) => n + l.length + 1, -1);
  if (total > mapped) sizes.set('(unmapped)', total - mapped);
  return { total, sizes: [...sizes].sort((a, b) => b[1] - a[1]) };
}
