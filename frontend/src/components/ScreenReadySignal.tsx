import { useEffect, useRef, useState } from 'react';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { signalScreenReady } from '../api/screenReady';
import { useChunksLoading } from '../lib/lazyScreen';

/**
 * Reports each screen once it has rendered with its data: after the route changes (and at
 * start), as soon as no query and no screen chunk is loading any more and the browser has painted twice.
 * Renders nothing.
 */
export function ScreenReadySignal() {
  const qc = useQueryClient();
  const fetching = useIsFetching();
  const chunks = useChunksLoading();
  const [hash, setHash] = useState(() => window.location.hash);
  const sent = useRef<string | null>(null);
  useEffect(() => {
    const onHash = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    // The hook's count lags a render behind; the client's count is the truth now.
    if (sent.current === hash || fetching > 0 || chunks > 0 || qc.isFetching() > 0) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        if (sent.current === hash || qc.isFetching() > 0 || window.location.hash !== hash) return;
        sent.current = hash;
        signalScreenReady(hash);
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [hash, fetching, chunks, qc]);
  return null;
}
