import { NotFoundView } from '@/components/plan/NotFoundView'
import './plan.css'

export default function NotFound() {
  return <NotFoundView />
}
