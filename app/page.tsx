export default function HomePage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center gap-8 px-6 py-16">
      <header className="space-y-3">
        <p className="text-sm font-semibold tracking-widest text-amber-600 uppercase">Plaudit</p>
        <h1 className="text-4xl font-bold tracking-tight text-balance">Plaudit is running.</h1>
        <p className="text-lg text-stone-600">
          Recognition and rewards for your team: thank colleagues with points from Slack or the web, and
          redeem what you earn for gift cards.
        </p>
      </header>
      <section className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 className="font-semibold">Server status</h2>
        <p className="mt-2 text-stone-600">
          The database health check lives at{" "}
          <a
            className="font-mono text-sm text-amber-700 underline underline-offset-4 hover:text-amber-900"
            href="/api/health"
          >
            /api/health
          </a>
          .
        </p>
      </section>
    </main>
  );
}
