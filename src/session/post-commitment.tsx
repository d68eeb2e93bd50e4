import { useState } from 'react';
import { MAX_POST_CHARS } from '../protocol/limits.ts';
import type { ClientRequest } from '../protocol/messages.ts';
import { useT } from '../ui/i18n.ts';
import { JumpButton } from '../ui/jump-button.tsx';
import { useFocusOnChange } from '../ui/use-focus-on-change.ts';

/** The #IWill field's id, for the link to it at the top of a phone's debrief. */
const POST_FIELD = 'post-text';

/**
 * At the top of a phone's debrief: takes the participant to the #IWill form below the ending, the
 * path and the scores, moving focus into its field (a button, since the address is the app's route).
 */
export function PostCommitmentLink() {
  const { t } = useT();
  return (
    <p className="post-jump">
      <JumpButton to={POST_FIELD}>{t('iwill.jump')}</JumpButton>
    </p>
  );
}

/**
 * The thanks, in the form's place once posted: the focus moves to it (the button that had it is gone),
 * and it is where the link at the top leads from then on.
 */
function PostSent() {
  const { t } = useT();
  const ref = useFocusOnChange<HTMLParagraphElement>(undefined);
  return (
    <p className="panel" role="status" id={POST_FIELD} tabIndex={-1} ref={ref}>
      {t('session.postSent')}
    </p>
  );
}

/** An anonymous #IWill commitment for the room's wall; the facilitator shows it or not. */
export function PostCommitment({ session }: { session: { send: (r: ClientRequest) => number | undefined } }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  if (sent) return <PostSent />;
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
            id={POST_FIELD}
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
