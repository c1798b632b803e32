import { lazy, Suspense } from "react";
import { Route, Switch, useLocation } from "wouter";
import { Loading } from "../components/states.tsx";
import { loadMemberCardPage, preloadMemberCardIfLanding } from "../features/member-card/preload.ts";
import { ConsoleHandoff, HANDS_OVER_CONSOLE, isConsolePath } from "./console-handoff.tsx";
import { RequireRole } from "./require-role.tsx";
import { CustomerHomeRoute } from "./routes/customer-home.tsx";
import { NotFoundRoute } from "./routes/not-found.tsx";

// Staff and admin screens are separate chunks, loaded only after the role check passes: a customer's
// first load carries just the customer area.
const StaffRoute = lazy(() => import("./routes/staff.tsx"));
const AdminRoute = lazy(() => import("./routes/admin.tsx"));
// Linking is visited once or twice per customer: its own chunk keeps it out of the first load.
const AccountLinkPage = lazy(() => import("../features/account-link/account-link-page.tsx"));
const MemberCardPage = lazy(loadMemberCardPage);
preloadMemberCardIfLanding();
const ScannerPage = lazy(() => import("../features/scanner/scanner-page.tsx"));
const PointsAdminPage = lazy(() => import("../features/ranks/points-admin-page.tsx"));
// Coupons and surveys: a chunk per screen, opened from chat links (Flex cards) or the nav.
const CouponListPage = lazy(() => import("../features/coupons/coupon-list-page.tsx"));
const CouponDetailPage = lazy(() => import("../features/coupons/coupon-detail-page.tsx"));
const UseNowPage = lazy(() => import("../features/coupons/use-now-page.tsx"));
const CouponAdminList = lazy(() => import("../features/coupons/admin/coupon-admin-list.tsx"));
const CouponAdminEdit = lazy(() => import("../features/coupons/admin/coupon-admin-edit.tsx"));
const SurveyListPage = lazy(() => import("../features/surveys/survey-list-page.tsx"));
const SurveyPage = lazy(() => import("../features/surveys/survey-page.tsx"));
const SurveyAdminList = lazy(() => import("../features/surveys/admin/survey-admin-list.tsx"));
const SurveyAdminEdit = lazy(() => import("../features/surveys/admin/survey-admin-edit.tsx"));
const SurveyResults = lazy(() => import("../features/surveys/admin/survey-results.tsx"));
const AdminRichMenusRoute = lazy(() => import("./routes/admin-rich-menus.tsx"));
const AdminTagsRoute = lazy(() => import("./routes/admin-tags.tsx"));
const FaqAdminPage = lazy(() => import("../features/faq/faq-admin-page.tsx"));
// Segments, broadcasts and step scenarios: admin-only chunks.
const SegmentListPage = lazy(() => import("../features/segments/segment-list-page.tsx"));
const SegmentEditorPage = lazy(() => import("../features/segments/segment-editor-page.tsx"));
const BroadcastListPage = lazy(() => import("../features/broadcasts/broadcast-list-page.tsx"));
const BroadcastComposerPage = lazy(() => import("../features/broadcasts/broadcast-composer-page.tsx"));
const BroadcastDetailPage = lazy(() => import("../features/broadcasts/broadcast-detail-page.tsx"));
const ScenarioListPage = lazy(() => import("../features/scenarios/scenario-list-page.tsx"));
const ScenarioEditorPage = lazy(() => import("../features/scenarios/scenario-editor-page.tsx"));
const AdminLinksRoute = lazy(() => import("./routes/admin-links.tsx"));
const KpisPage = lazy(() => import("../features/kpis/kpis-page.tsx"));
const PersonalDataPage = lazy(() => import("../features/personal-data/personal-data-page.tsx"));
const MemberDataPage = lazy(() => import("../features/member-data/member-data-page.tsx"));

export function AppRouter() {
  const [location] = useLocation();
  if (HANDS_OVER_CONSOLE && isConsolePath(location)) return <ConsoleHandoff />;
  return (
    <Suspense
      fallback={
        <div className="page">
          <Loading />
        </div>
      }
    >
      <Switch>
        <Route path="/">
          <CustomerHomeRoute />
        </Route>
        <Route path="/account-link">
          <AccountLinkPage />
        </Route>
        <Route path="/card">
          <MemberCardPage />
        </Route>
        <Route path="/coupons">
          <CouponListPage />
        </Route>
        <Route path="/coupons/use/:grantId">{(p) => <UseNowPage key={p.grantId} grantId={p.grantId} />}</Route>
        <Route path="/coupons/:couponId">{(p) => <CouponDetailPage key={p.couponId} couponId={p.couponId} />}</Route>
        <Route path="/surveys">
          <SurveyListPage />
        </Route>
        <Route path="/surveys/:surveyId">{(p) => <SurveyPage key={p.surveyId} surveyId={p.surveyId} />}</Route>
        <Route path="/admin/coupons">
          <RequireRole needs="admin">
            <CouponAdminList />
          </RequireRole>
        </Route>
        <Route path="/admin/coupons/:couponId">
          {(p) => (
            <RequireRole needs="admin">
              <CouponAdminEdit key={p.couponId} couponId={p.couponId === "new" ? null : p.couponId} />
            </RequireRole>
          )}
        </Route>
        <Route path="/admin/surveys">
          <RequireRole needs="admin">
            <SurveyAdminList />
          </RequireRole>
        </Route>
        <Route path="/admin/surveys/:surveyId/results">
          {(p) => (
            <RequireRole needs="admin">
              <SurveyResults surveyId={p.surveyId} />
            </RequireRole>
          )}
        </Route>
        <Route path="/admin/surveys/:surveyId">
          {(p) => (
            <RequireRole needs="admin">
              <SurveyAdminEdit key={p.surveyId} surveyId={p.surveyId === "new" ? null : p.surveyId} />
            </RequireRole>
          )}
        </Route>
        <Route path="/staff/scan">
          <RequireRole needs="staff">
            <ScannerPage />
          </RequireRole>
        </Route>
        <Route path="/admin/points">
          <RequireRole needs="admin">
            <PointsAdminPage />
          </RequireRole>
        </Route>
        <Route path="/admin/rich-menus">
          <RequireRole needs="admin">
            <AdminRichMenusRoute />
          </RequireRole>
        </Route>
        <Route path="/admin/rich-menus/:menuId">
          {(params) => (
            <RequireRole needs="admin">
              <AdminRichMenusRoute menuId={params.menuId} />
            </RequireRole>
          )}
        </Route>
        <Route path="/admin/tags">
          <RequireRole needs="admin">
            <AdminTagsRoute />
          </RequireRole>
        </Route>
        {/* One route for the list and a chosen chat: choosing another keeps the inbox (and its socket) mounted. */}
        <Route path="/staff/inbox/:userId?">
          {(params) => (
            <RequireRole needs="staff">
              <StaffRoute userId={params.userId} />
            </RequireRole>
          )}
        </Route>
        <Route path="/admin/links">
          <RequireRole needs="admin">
            <AdminLinksRoute />
          </RequireRole>
        </Route>
        <Route path="/admin/kpis">
          <RequireRole needs="admin">
            <KpisPage />
          </RequireRole>
        </Route>
        <Route path="/admin/segments">
          <RequireRole needs="admin">
            <SegmentListPage />
          </RequireRole>
        </Route>
        <Route path="/admin/segments/:segmentId">
          {(p) => (
            <RequireRole needs="admin">
              <SegmentEditorPage key={p.segmentId} segmentId={p.segmentId === "new" ? null : p.segmentId} />
            </RequireRole>
          )}
        </Route>
        <Route path="/admin/broadcasts">
          <RequireRole needs="admin">
            <BroadcastListPage />
          </RequireRole>
        </Route>
        <Route path="/admin/broadcasts/new">
          <RequireRole needs="admin">
            <BroadcastComposerPage />
          </RequireRole>
        </Route>
        <Route path="/admin/broadcasts/:broadcastId">
          {(p) => (
            <RequireRole needs="admin">
              <BroadcastDetailPage key={p.broadcastId} broadcastId={p.broadcastId} />
            </RequireRole>
          )}
        </Route>
        <Route path="/admin/scenarios">
          <RequireRole needs="admin">
            <ScenarioListPage />
          </RequireRole>
        </Route>
        <Route path="/admin/scenarios/:scenarioId">
          {(p) => (
            <RequireRole needs="admin">
              <ScenarioEditorPage key={p.scenarioId} scenarioId={p.scenarioId === "new" ? null : p.scenarioId} />
            </RequireRole>
          )}
        </Route>
        <Route path="/admin/member-data">
          <RequireRole needs="admin">
            <MemberDataPage />
          </RequireRole>
        </Route>
        <Route path="/admin/personal-data">
          <RequireRole needs="admin">
            <PersonalDataPage />
          </RequireRole>
        </Route>
        <Route path="/admin/faq">
          <RequireRole needs="admin">
            <FaqAdminPage />
          </RequireRole>
        </Route>
        <Route path="/staff">
          <RequireRole needs="staff">
            <StaffRoute />
          </RequireRole>
        </Route>
        <Route path="/staff/conversations/:userId">
          {(params) => (
            <RequireRole needs="staff">
              <StaffRoute userId={params.userId} />
            </RequireRole>
          )}
        </Route>
        <Route path="/admin">
          <RequireRole needs="admin">
            <AdminRoute />
          </RequireRole>
        </Route>
        <Route>
          <NotFoundRoute />
        </Route>
      </Switch>
    </Suspense>
  );
}
