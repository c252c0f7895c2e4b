import { PageSkeleton } from "../../admin/_components/page-skeleton";

export default function Loading() {
  return <PageSkeleton panels={1} rows={5} />;
}
