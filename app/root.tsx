import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import nhsukStyles from "nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css?url";
import appStyles from "~/ui/app.css?url";
import { config } from "~/config.server";
import { getCurrentUser } from "~/auth/access.server";
import { DocumentMeta } from "~/ui/document-meta";
import { useFocusMainOnNavigation } from "~/ui/focus-on-navigation";
import { ErrorPage, errorStatus } from "~/ui/route-error";
import { Footer, Header, MailCaptureBanner, MainContent, PageContainer, SERVICE_NAME, SkipLink } from "~/ui/layout";
import { useNhsukFrontend } from "~/ui/nhsuk-frontend";
import { useNonce } from "~/ui/nonce";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: nhsukStyles },
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: SERVICE_NAME }];

export async function loader({ request }: LoaderFunctionArgs) {
  const settings = config();
  const current = await getCurrentUser(request);
  return {
    user: current ? { fullName: current.user.full_name, isAdmin: current.isAdmin } : null,
    mailCapture: settings.mailCapture,
    contactEmail: settings.contactEmail,
  };
}

export type RootLoaderData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootLoaderData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

function Document({ children, data }: { children: ReactNode; data: RootLoaderData | undefined }) {
  const nonce = useNonce();
  useNhsukFrontend();
  useFocusMainOnNavigation();
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <DocumentMeta />
        <Links />
      </head>
      <body>
        <SkipLink />
        <Header user={data?.user ?? null} />
        <PageContainer>
          <MainContent>
            {data?.mailCapture ? <MailCaptureBanner /> : null}
            {children}
          </MainContent>
        </PageContainer>
        <Footer contactEmail={data?.contactEmail ?? "network@spn.example.org"} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  return <Document data={data}>{children}</Document>;
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage status={errorStatus(useRouteError())} />;
}
