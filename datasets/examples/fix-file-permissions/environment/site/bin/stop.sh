#!/bin/sh
echo "stopping site"
