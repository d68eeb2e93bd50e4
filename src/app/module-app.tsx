import { Suspense } from 'react';
import { useRoute } from 'wouter';
import type { ModuleConfig } from '../lms/module-config.ts';
import { useT } from '../ui/i18n.ts';
import type { ScenarioLoaders } from '../ui/scenario-loader.tsx';
import { SupportPage } from '../ui/support-page.tsx';
import { AppShell } from './app-shell.tsx';
import { ModulePage } from './module-page.tsx';

/**
 * A packaged module inside an LMS: the module's scenarios in order and where to get help, nothing
 * else (no library, no group sessions). The module stays mounted (hidden) while the help page is
 * open, so the learner comes back to the same scene.
 */
export function ModuleApp({ config, loaders }: { config: ModuleConfig; loaders: ScenarioLoaders }) {
  const { t } = useT();
  const [help] = useRoute('/support');
  return (
    <AppShell module>
      <Suspense fallback={<p>{t('app.loading')}</p>}>
        <div hidden={help}>
          <ModulePage config={config} loaders={loaders} />
        </div>
        {help && <SupportPage />}
      </Suspense>
    </AppShell>
  );
}
