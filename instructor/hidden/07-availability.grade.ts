import { availability } from '../../exercises/07-availability';
import { probe } from '../../grader/worker/probe';
import { randomRows } from '../../grader/worker/fixtures/sweep';

probe('groups 500 shuffled rows of three protocols and four loss rates', () => availability(randomRows(500)));
