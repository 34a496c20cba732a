import { getMyPayoutAccount, type PayoutAccountDeps } from "./payout-account-status.ts";
import { payoutDashboardLink } from "./payout-dashboard-link.ts";
import { startPayoutOnboarding } from "./start-payout-onboarding.ts";

/** A producer's payout account use cases bound to their deps (USE_CASE_TOKENS.payouts). */
export const makePayoutUseCases = (deps: PayoutAccountDeps) => ({
  getMyPayoutAccount: getMyPayoutAccount(deps),
  startPayoutOnboarding: startPayoutOnboarding(deps),
  payoutDashboardLink: payoutDashboardLink(deps),
});

export type PayoutUseCases = ReturnType<typeof makePayoutUseCases>;
