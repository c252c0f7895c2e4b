import type { ReactNode } from "react";

export default function SignInLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md space-y-6">
        <p className="text-center text-2xl font-bold tracking-tight text-amber-700">Plaudit</p>
        {children}
      </div>
    </main>
  );
}
