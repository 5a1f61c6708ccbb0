import 'reflect-metadata';
import { runService } from '@mvp/common';
import { startPlatform } from './start-platform';

void runService(startPlatform);
