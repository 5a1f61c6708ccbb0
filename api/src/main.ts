import 'reflect-metadata';
import { runService } from '@mvp/common';
import { startApi } from './start-api';

void runService(startApi);
