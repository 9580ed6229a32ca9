/** A search snippet where the backend put the matched words in [brackets]; shown as marks. */
export function Snippet(p: { text: string }) {
  const parts = p.text.split(/(\[[^\]]*\])/g).filter(Boolean);
  return (
    <div className="note-text">
      {parts.map((part, i) =>
        part.startsWith('[') && part.endsWith(']') ? <mark key={i}>{part.slice(1, -1)}</mark> : <span key={i}>{part}</span>,
      )}
    </div>
  );
}
