import { BrowserRouter, MemoryRouter, Route, Routes } from "react-router";
import { AppProvider } from "./app-context";
import type { Session } from "./auth/session";
import { Layout } from "./components/layout";
import type { RuntimeConfig } from "./config";
import { I18nProvider } from "./i18n/i18n";
import type { Lang } from "./i18n/translate";
import { AdminAuditPage } from "./views/admin/admin-audit";
import { AdminBatchesPage } from "./views/admin/admin-batches";
import { AdminCommentsPage } from "./views/admin/admin-comments";
import { AdminDisputesPage } from "./views/admin/admin-disputes";
import { AdminPlansPage } from "./views/admin/admin-plans";
import { AdminApplicationsPage } from "./views/admin/applications-page";
import { ConsoleHome, ConsoleShell } from "./views/admin/console-shell";
import { InboxPage } from "./views/notices/inbox-page";
import { NotificationPreferencesPage } from "./views/notices/preferences-section";
import { UnsubscribePage } from "./views/notices/unsubscribe-page";
import { ApplyPage } from "./views/owner/apply";
import { MyHarvestPage } from "./views/owner/my-harvest";
import { PlanListPage } from "./views/owner/plan-list";
import { PlanPage } from "./views/owner/plan-page";
import { ProducerListPage } from "./views/people/producer-list-page";
import { ProducerPublicPage } from "./views/people/producer-page";
import { PrivacyPage, TermsPage } from "./views/privacy/legal-pages";
import { ProducerDashboard } from "./views/producer/dashboard";
import { EditPlanPage, NewPlanPage } from "./views/producer/plan-form";
import { ProducerPlanPage } from "./views/producer/producer-plan";
import { RequireRole } from "./views/require-role";
import { SettingsPage } from "./views/settings/settings-page";
import { AuthCallbackPage, SignInPage } from "./views/sign-in";

export const AppRoutes = () => (
  <Layout>
    <Routes>
      <Route path="/" element={<PlanListPage />} />
      <Route path="/plans/:id" element={<PlanPage />} />
      <Route path="/producers" element={<ProducerListPage />} />
      <Route path="/producers/:id" element={<ProducerPublicPage />} />
      <Route path="/settings" element={<SettingsPage />} />
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/auth/callback" element={<AuthCallbackPage />} />
      <Route path="/me" element={<RequireRole need="owner" />}>
        <Route index element={<MyHarvestPage />} />
        <Route path="notifications" element={<InboxPage />} />
      </Route>
      <Route path="/settings/notifications" element={<RequireRole need="owner" />}>
        <Route index element={<NotificationPreferencesPage />} />
      </Route>
      <Route path="/unsubscribe" element={<UnsubscribePage />} />
      <Route path="/apply" element={<ApplyPage />} />
      <Route path="/admin/auth/callback" element={<AuthCallbackPage admin />} />
      <Route path="/producer" element={<RequireRole need="producer" />}>
        <Route index element={<ProducerDashboard />} />
        <Route path="plans/new" element={<NewPlanPage />} />
        <Route path="plans/:id" element={<ProducerPlanPage />} />
        <Route path="plans/:id/edit" element={<EditPlanPage />} />
      </Route>
      <Route path="/admin" element={<RequireRole need="admin" />}>
        <Route element={<ConsoleShell />}>
          <Route index element={<ConsoleHome />} />
          <Route path="applications" element={<AdminApplicationsPage />} />
          <Route path="plans" element={<AdminPlansPage />} />
          <Route path="comments" element={<AdminCommentsPage />} />
          <Route path="disputes" element={<AdminDisputesPage />} />
          <Route path="batches" element={<AdminBatchesPage />} />
          <Route path="audit" element={<AdminAuditPage />} />
        </Route>
      </Route>
      <Route path="/privacy" element={<PrivacyPage />} />
      <Route path="/terms" element={<TermsPage />} />
      <Route path="*" element={<PlanListPage />} />
    </Routes>
  </Layout>
);

/** The whole site; tests render it with a memory router, a session and a fake fetch. */
export const App = ({
  config,
  lang,
  session,
  at,
}: {
  config: RuntimeConfig;
  lang?: Lang;
  session?: Session;
  /** A path for a memory router (tests); the browser's address otherwise. */
  at?: string;
}) => {
  const providers = (children: React.ReactNode) => (
    <I18nProvider {...(lang === undefined ? {} : { initial: lang })}>
      {session === undefined ? (
        <AppProvider config={config}>{children}</AppProvider>
      ) : (
        <AppProvider config={config} initialSession={session}>
          {children}
        </AppProvider>
      )}
    </I18nProvider>
  );
  return at === undefined
    ? providers(
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>,
      )
    : providers(
        <MemoryRouter initialEntries={[at]}>
          <AppRoutes />
        </MemoryRouter>,
      );
};
