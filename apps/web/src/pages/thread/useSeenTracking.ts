import { type Dispatch, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreadAction, ThreadState } from '../../lib/thread';

/**
 * New contributions count as seen once they have been on screen (mostly in view, or filling
 * most of it: a long contribution never shows 60 % of itself on a phone). Returns what a
 * screen reader is told ("3 new contributions") and how to bring the first new one into view.
 */
export function useSeenTracking(
  thread: ThreadState,
  dispatch: Dispatch<ThreadAction>,
): { announce: string; showNew(): void } {
  const { t } = useTranslation();
  const [announce, setAnnounce] = useState('');
  const observer = useRef<IntersectionObserver | null>(null);

  useEffect(() => {
    observer.current = new IntersectionObserver(
      (entries) => {
        const seen = (e: IntersectionObserverEntry) =>
          e.isIntersecting &&
          (e.intersectionRatio >= 0.6 ||
            e.intersectionRect.height >= 0.5 * (e.rootBounds?.height ?? window.innerHeight));
        const ids = entries.filter(seen).map((e) => (e.target as HTMLElement).dataset.id!);
        if (ids.length) setTimeout(() => dispatch({ type: 'seen', ids }), 800);
      },
      { threshold: [0, 0.25, 0.6, 1] },
    );
    return () => observer.current?.disconnect();
  }, [dispatch]);

  useEffect(() => {
    // observed again after each change of the thread: an update (a translation arriving) may render a new element
    for (const cid of thread.unseen) {
      const el = document.getElementById(`c-${cid}`);
      if (el) observer.current?.observe(el);
    }
  }, [thread.unseen, thread.byId]);

  useEffect(() => {
    if (thread.unseen.length) setAnnounce(t('thread.newCount', { count: thread.unseen.length }));
  }, [thread.unseen, t]);

  const showNew = () => {
    const first = thread.unseen.find((cid) => document.getElementById(`c-${cid}`));
    const el = first ? document.getElementById(`c-${first}`) : null;
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    }
  };

  return { announce, showNew };
}

/**
 * Where focus goes: to a contribution once it is rendered (a reply just posted), and, once
 * the thread has loaded, to the one a link names (`#c-<id>`). Returns what asks for the first.
 */
export function useContributionFocus(thread: ThreadState): (id: string) => void {
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId) return;
    const el = document.getElementById(`c-${focusId}`);
    if (!el) return;
    el.focus();
    setFocusId(null);
  }, [focusId, thread.byId]);

  const landed = useRef(false);
  useEffect(() => {
    if (landed.current || thread.byId.size === 0 || !location.hash.startsWith('#c-')) return;
    const el = document.getElementById(location.hash.slice(1));
    if (!el) return;
    landed.current = true;
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [thread.byId]);

  return setFocusId;
}
