import { requireViewer } from "@/app/_lib/viewer";

export default async function FeedPage() {
  const viewer = await requireViewer();
  return <p>Signed in as {viewer.person.name}</p>;
}
