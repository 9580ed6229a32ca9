/** A search snippet where the backend put the matched words in [brackets]; shown as marks. */
export function Snippet(p: { text: string }) {
  const parts = p.text.split(/(\[[^\]]*\])/g).filter(Boolean);
  return (
    // What workers write is Danish, also in the English UI: read with a Danish voice (WCAG 3.1.2).
    <div className="note-text" lang="da">
      {parts.map((part, i) =>
        part.startsWith('[') && part.endsWith(']') ? <mark key={i}>{part.slice(1, -1)}</mark> : <span key={i}>{part}</span>,
      )}
    </div>
  );
}
