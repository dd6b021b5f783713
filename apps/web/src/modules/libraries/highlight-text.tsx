import type { Highlight } from '@zhuhe/contracts';

/** Search highlights as React text: segments, never HTML, so a title holding markup stays text. */
export function HighlightText({ segments }: { segments: Highlight }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed sequence
          <mark key={i} style={{ background: '#fff1b8', padding: 0 }}>
            {s.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed sequence
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
