import { LoadingPage, RecognitionListSkeleton, TabsSkeleton } from "../_recognitions/skeletons";

export default function HistoryLoading() {
  return (
    <LoadingPage>
      <TabsSkeleton />
      <RecognitionListSkeleton />
    </LoadingPage>
  );
}
