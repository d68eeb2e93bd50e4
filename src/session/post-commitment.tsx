import { useState } from 'react';
import { MAX_POST_CHARS } from '../protocol/limits.ts';
import type { ClientRequest } from '../protocol/messages.ts';
import { useT } from '../ui/i18n.ts';

/** An anonymous #IWill commitment for the room's wall; the facilitator shows it or not. */
export function PostCommitment({ session }: { session: { send: (r: ClientRequest) => number | undefined } }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  if (sent)
    return (
      <p className="panel" role="status">
        {t('session.postSent')}
      </p>
    );
  return (
    <section className="panel" aria-labelledby="post-title">
      <h2 id="post-title">{t('session.postTitle')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim() && session.send({ type: 'post', text: text.trim() }) !== undefined) setSent(true);
        }}
      >
        <label>
          {t('session.postLabel')}
          <br />
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={MAX_POST_CHARS}
            rows={3}
            required
          />
        </label>
        <br />
        <small>{t('session.postHint')}</small>
        <br />
        <button type="submit" className="primary">
          {t('session.post')}
        </button>
      </form>
    </section>
  );
}
