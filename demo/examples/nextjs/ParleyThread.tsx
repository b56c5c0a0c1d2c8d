'use client';
// A client component for Next.js (App Router or Pages): on the server, and in the first
// client render, it is an empty placeholder of the widget's loading height; after hydration it
// loads Comments.tsx, which registers <parley-comments>. Lit never runs on the server.
// In Next.js, `dynamic(() => import('./Comments').then((m) => m.Comments), { ssr: false })`
// does the same; this version has no Next import, so it also runs in this example page.
import { useEffect, useState, type ComponentType } from 'react';
import type { CommentsProps } from './Comments';

export default function ParleyThread(props: CommentsProps) {
  const [Comments, setComments] = useState<ComponentType<CommentsProps> | null>(null);
  useEffect(() => {
    let mounted = true;
    void import('./Comments').then((module) => {
      if (mounted) setComments(() => module.Comments);
    });
    return () => {
      mounted = false;
    };
  }, []);
  return Comments ? <Comments {...props} /> : <div className="parley-placeholder" aria-busy="true" />;
}
