import { Component, type ReactNode } from 'react';
import { Link } from 'wouter';
import { useT } from './i18n.ts';

/**
 * Around a page: when a part of the app cannot be fetched (offline, a network blip, a server restarted
 * with a newer build) or fails while rendering, the page says so and offers to try again, instead of
 * going blank. It sits inside the main region, so the header and Quick exit stay. It clears when the
 * route (`resetKey`) changes.
 */
export class LoadFailure extends Component<{ resetKey: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <LoadFailureNotice /> : this.props.children;
  }
}

function LoadFailureNotice() {
  const { t } = useT();
  return (
    <section className="panel" role="alert" aria-labelledby="load-failure-title">
      <h1 id="load-failure-title">{t('loadFailure.title')}</h1>
      <p>{t('loadFailure.text')}</p>
      <div className="actions">
        {/* A new page load fetches afresh what failed: the app keeps what failed to load as failed. */}
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {t('loadFailure.retry')}
        </button>
        <Link href="/" replace className="button">
          {t('app.seeScenarios')}
        </Link>
      </div>
    </section>
  );
}
