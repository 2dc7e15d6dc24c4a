/**
 * The story page: defines the elements, gives the charts the story's data, and hands the built story to
 * `fl-story`, which enhances the article already in the page.
 */
import './styles/story.css';
import { story, datasets } from 'virtual:frontlines/story';
import { define, setDefaultRows } from './charts/shared/chart-element.ts';
import { defineCasualties } from './charts/casualties/casualties.ts';
import { defineTimeline } from './charts/timeline/timeline.ts';
import { defineDistanceMap } from './charts/distance-map/distance-map.ts';
import { FlScrolly } from './scrolly/fl-scrolly.ts';
import { FlStory } from './scrolly/fl-story.ts';

setDefaultRows('fl-casualties', datasets.casualties);
setDefaultRows('fl-timeline', datasets.events);
setDefaultRows('fl-distance-map', datasets.places);
defineCasualties();
defineTimeline();
defineDistanceMap();

// The story is set before the elements upgrade, so the first step event already finds it.
const element = document.querySelector('fl-story') as (Element & { story?: unknown }) | null;
if (element) element.story = story;
define('fl-story', FlStory);
define('fl-scrolly', FlScrolly);
