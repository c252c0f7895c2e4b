import { LoadingPage, RankedRowsSkeleton } from "../../_recognitions/skeletons";

export default function CampaignLoading() {
  return (
    <LoadingPage>
      <RankedRowsSkeleton />
    </LoadingPage>
  );
}
