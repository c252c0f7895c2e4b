import { LoadingPage, RankedRowsSkeleton, TabsSkeleton } from "../_recognitions/skeletons";

export default function LeaderboardLoading() {
  return (
    <LoadingPage>
      <TabsSkeleton />
      <RankedRowsSkeleton />
    </LoadingPage>
  );
}
