import { PageSkeleton } from "../admin/_components/page-skeleton";

export default function Loading() {
  return <PageSkeleton panels={5} rows={3} />;
}
