import { useEffect, useState } from 'react';
import { api, call } from '../api/client';
import type { ModeratedQuestion } from '../api/types';
import { useAuth } from './auth';

/** One answer shared by the header and the page asking at the same time; asked again after this long. */
const FRESH_MS = 30_000;
let cached: { userId: string; at: number; answer: Promise<ModeratedQuestion[]> } | null = null;

function moderatedQuestions(userId: string, fresh = false): Promise<ModeratedQuestion[]> {
  if (fresh || !cached || cached.userId !== userId || Date.now() - cached.at > FRESH_MS) {
    const answer = call<{ items: ModeratedQuestion[] }>(api.GET('/api/v1/me/moderation/questions')).then(
      (r) => r.items,
    );
    cached = { userId, at: Date.now(), answer };
    answer.catch(() => (cached = null));
  }
  return cached.answer;
}

/** The questions the signed-in member moderates (null until known, [] for most members). */
export function useModeratedQuestions(options: { fresh?: boolean } = {}): ModeratedQuestion[] | null {
  const userId = useAuth().user?.id;
  const [items, setItems] = useState<ModeratedQuestion[] | null>(null);
  useEffect(() => {
    if (!userId) return setItems(null);
    let stopped = false;
    moderatedQuestions(userId, options.fresh)
      .then((answer) => !stopped && setItems(answer))
      .catch(() => !stopped && setItems([]));
    return () => {
      stopped = true;
    };
  }, [userId, options.fresh]);
  return items;
}
