import { lazy, Suspense } from "react";
import { Route, Switch } from "wouter";
import { Loading } from "../components/states.tsx";
import { RequireRole } from "./require-role.tsx";
import { CustomerHomeRoute } from "./routes/customer-home.tsx";
import { NotFoundRoute } from "./routes/not-found.tsx";

// Staff and admin screens are separate chunks, loaded only after the role check passes: a customer's
// first load carries just the customer area.
const StaffRoute = lazy(() => import("./routes/staff.tsx"));
const AdminRoute = lazy(() => import("./routes/admin.tsx"));
// Linking is visited once or twice per customer: its own chunk keeps it out of the first load.
const AccountLinkPage = lazy(() => import("../features/account-link/account-link-page.tsx"));

export function AppRouter() {
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
        <Route path="/link">
          <AccountLinkPage />
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
