#!/bin/sh
echo "starting site"
